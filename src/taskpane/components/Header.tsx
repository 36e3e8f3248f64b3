// The pane's header: the add-in's icon, name and one line on what it is for.
import * as React from "react";
import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  text: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  tagline: { color: tokens.colorNeutralForeground2 },
});

export function Header(): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <img src="assets/icon-64.png" width={48} height={48} alt="" />
      <div className={styles.text}>
        <Title2 as="h1" className={styles.title}>
          APS for Excel
        </Title2>
        <Body1 className={styles.tagline}>Advanced planning and scheduling in your workbook.</Body1>
      </div>
    </header>
  );
}
