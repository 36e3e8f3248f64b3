// The pictures a job's result can carry to the pane (plain data, small enough for the worker's
// summary): the planned network after a plan, the Gantt after a schedule. The pane lays them out.

/** One stage of the planned network. */
export interface FigureStage {
  id: string;
  owner: string | null;
  /** BOM depth: 0 for a stage that serves customers only, 1 for its suppliers, and so on (longest path). */
  level: number;
  /** True when the placement holds safety stock here (a stock point). */
  stock: boolean;
  safetyStock: number | null;
  /** S_j, the service time the stage commits to its customers. */
  serviceTime: number | null;
  /** The worst exception of the plan about this stage. */
  exception: "error" | "warning" | null;
  /** The stage's row in the workbook ("Stages!A4"), selected when the stage is clicked. */
  where: string | null;
}

/** A supply arc; `serviceTime` is the committed service time of `from` to `to`. */
export interface FigureArc {
  from: string;
  to: string;
  serviceTime: number | null;
}

export interface NetworkFigure {
  kind: "network";
  stages: FigureStage[];
  arcs: FigureArc[];
}

/** One operation on its machine. */
export interface GanttBar {
  machine: string;
  job: string;
  start: number;
  end: number;
}

export interface GanttFigure {
  kind: "gantt";
  machines: string[];
  jobs: string[];
  bars: GanttBar[];
  makespan: number;
}

export type JobFigure = NetworkFigure | GanttFigure;
