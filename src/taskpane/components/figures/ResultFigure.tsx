// The picture of a job's result: the network after a plan, the Gantt after a schedule.
import * as React from "react";
import type { JobFigure } from "../../../workbook/jobs/figures";
import { GanttPicture } from "./GanttPicture";
import { NetworkPicture } from "./NetworkPicture";

export function ResultFigure({ figure, onGoTo }: { figure: JobFigure; onGoTo: (place: string) => void }): React.JSX.Element {
  return figure.kind === "network" ? <NetworkPicture figure={figure} onGoTo={onGoTo} /> : <GanttPicture figure={figure} />;
}
