// The schedule as a Gantt (SVG): one lane per machine, a bar per operation coloured by job, time below;
// the Schedule sheet holds the same chart.
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { GanttFigure } from "../../../workbook/jobs/figures";
import { layoutGantt } from "../../figures/ganttLayout";
import { OWNER_COLOURS } from "./NetworkPicture";
import { useWidth } from "./useWidth";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0, margin: 0 },
  box: { maxHeight: "60vh", overflowY: "auto", overflowX: "hidden", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
});

export function GanttPicture({ figure }: { figure: GanttFigure }): React.JSX.Element {
  const styles = useStyles();
  const [ref, width] = useWidth(300);
  const layout = React.useMemo(() => layoutGantt(figure, Math.max(200, width - 2)), [figure, width]);
  return (
    <figure className={styles.root} data-figure="gantt">
      <div ref={ref} className={styles.box}>
        <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="img"
          aria-label={`Gantt chart: ${figure.bars.length} operations on ${figure.machines.length} machines, makespan ${figure.makespan}`} style={{ display: "block" }}>
          {layout.lanes.map((lane) => (
            <g key={lane.machine}>
              <line x1={layout.plotX} x2={layout.width} y1={lane.y + 22} y2={lane.y + 22} stroke="#edebe9" />
              <text x={layout.plotX - 4} y={lane.y + 15} fontSize={10} textAnchor="end" fill="#323130">{lane.label}</text>
            </g>
          ))}
          {layout.bars.map((b, k) => (
            <g key={k}>
              <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={2} fill={OWNER_COLOURS[b.jobIndex % OWNER_COLOURS.length]}>
                <title>{`${b.bar.job} on ${b.bar.machine}: ${b.bar.start}–${b.bar.end}`}</title>
              </rect>
              {b.text ? <text x={b.x + 2} y={b.y + 12} fontSize={9} fill="#ffffff">{b.text}</text> : null}
            </g>
          ))}
          <line x1={layout.plotX} x2={layout.width} y1={layout.axisY} y2={layout.axisY} stroke="#8a8886" />
          {layout.ticks.map((t) => (
            <text key={t.x} x={t.x} y={layout.axisY + 12} fontSize={9} textAnchor="middle" fill="#605e5c">{t.label}</text>
          ))}
        </svg>
      </div>
      <figcaption><Caption1>The schedule by machine: one colour per job, time along the bottom.</Caption1></figcaption>
    </figure>
  );
}
