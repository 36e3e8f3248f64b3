// The pane's header: the add-in's icon and name on one short line, so that Excel's default pane
// (350 × 378) shows the next action on its first screen.
import * as React from "react";
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  tagline: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
});

export function Header(): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <img src="assets/icon-64.png" width={24} height={24} alt="" />
      <Subtitle2 as="h1" className={styles.title}>
        APS for Excel
      </Subtitle2>
      <Caption1 className={styles.tagline}>Planning and scheduling</Caption1>
    </header>
  );
}
