// One kind of user (planners, analysts, teams): what they do with the add-in, and whether it is here yet.
import * as React from "react";
import { Badge, Body1, Card, CardHeader, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Audience } from "../content";

export interface AudienceCardProps {
  audience: Audience;
  children?: React.ReactNode;
}

const useStyles = makeStyles({
  card: { rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  what: { color: tokens.colorNeutralForeground1 },
});

export function AudienceCard({ audience, children }: AudienceCardProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-labelledby={`audience-${audience.id}`}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={`audience-${audience.id}`} className={styles.heading}>
            {audience.who}
          </Subtitle2>
        }
        action={
          audience.available ? (
            <Badge appearance="tint" color="success">Available</Badge>
          ) : (
            <Badge appearance="tint" color="informative">Coming</Badge>
          )
        }
      />
      <Body1 className={styles.what}>{audience.what}</Body1>
      {children}
    </Card>
  );
}
