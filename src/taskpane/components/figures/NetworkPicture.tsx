// The planned network as a picture (SVG): stages by BOM level with their owners, the stock points and
// their safety stock, committed service times on the arcs, exceptions outlined; a click on a stage (or
// Enter on it) selects its row in Stages. Tall networks scroll inside the box; zoom widens it.
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { NetworkFigure } from "../../../workbook/jobs/figures";
import { layoutNetwork, shortNumber, type NodeBox } from "../../figures/networkLayout";
import { useWidth } from "./useWidth";

/** Owner colours (a stripe on the stage's left edge), repeated past eight owners. */
export const OWNER_COLOURS = ["#0f6cbd", "#107c10", "#8764b8", "#ca5010", "#038387", "#c239b3", "#986f0b", "#4f6bed"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  bar: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  box: { maxHeight: "70vh", overflowY: "auto", overflowX: "auto", maxWidth: "100%", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  zoom: { minWidth: "32px" },
  owners: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
  owner: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0, overflowWrap: "anywhere" },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", flexShrink: 0 },
  node: { cursor: "pointer", ":focus": { outline: "none" }, ":focus-visible > rect.frame": { strokeWidth: "3px" } },
});

/** The width of an arc's number box: the text at 10 px and a little room. */
const labelWidth = (text: string) => Math.max(12, text.length * 5.8 + 5);

function describe(node: NodeBox): string {
  const s = node.stage;
  const parts = [
    `Stage ${s.id}`, s.owner ? `owner ${s.owner}` : "no owner", `level ${s.level}`,
    s.stock ? `holds safety stock ${shortNumber(s.safetyStock)}` : "no safety stock", `commits service time ${shortNumber(s.serviceTime)}`,
    ...(s.exception ? [`has ${s.exception === "error" ? "an error" : "a warning"}`] : []),
  ];
  return `${parts.join(", ")}.${s.where ? ` Select its row (${s.where}).` : ""}`;
}

export function NetworkPicture({ figure, onGoTo }: { figure: NetworkFigure; onGoTo: (place: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const [ref, width] = useWidth(300);
  const [zoom, setZoom] = React.useState(1);
  const layout = React.useMemo(() => layoutNetwork(figure, Math.max(200, (width - 2) * zoom)), [figure, width, zoom]);
  const stock = figure.stages.filter((s) => s.stock).length;
  const flagged = figure.stages.filter((s) => s.exception).length;
  const open = (node: NodeBox) => { if (node.stage.where) onGoTo(node.stage.where); };
  return (
    <figure className={styles.root} style={{ margin: 0 }} data-figure="network">
      <div className={styles.bar}>
        <Caption1 as="p" style={{ margin: 0, flex: "1 1 12em" }}>
          The network: {figure.stages.length} stages, {stock} holding stock{flagged > 0 ? `, ${flagged} with exceptions` : ""}. Suppliers left, customers right.
        </Caption1>
        <Button size="small" className={styles.zoom} onClick={() => setZoom((z) => Math.min(3, z * 1.5))} disabled={zoom >= 3} aria-label="Zoom in on the network">+</Button>
        <Button size="small" className={styles.zoom} onClick={() => setZoom((z) => Math.max(1, z / 1.5))} disabled={zoom <= 1} aria-label="Zoom out of the network">−</Button>
      </div>
      <div ref={ref} className={styles.box}>
        <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group"
          aria-label={`Network picture: ${figure.stages.length} stages`} style={{ display: "block", fontFamily: "inherit" }}>
          <g fill="none" stroke="#8a8886" strokeWidth={1}>
            {layout.arcs.map((a) => <path key={`${a.from}>${a.to}`} d={a.d}><title>{`${a.from} → ${a.to}`}</title></path>)}
          </g>
          {layout.nodes.map((node) => (
            <g key={node.stage.id} className={styles.node} role="button" tabIndex={0} data-stage={node.stage.id}
              onClick={() => open(node)} onKeyDown={(e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(node); } }}>
              {/* The SVG title names the button (and is its tooltip): the boxes show the id cut to fit. */}
              <title>{describe(node)}</title>
              <rect className="frame" x={node.x} y={node.y} width={node.width} height={node.height} rx={4}
                fill={node.stage.stock ? "#deecf9" : "#ffffff"}
                stroke={node.stage.exception === "error" ? "#c50f1f" : node.stage.exception === "warning" ? "#bc4b09" : node.stage.stock ? "#0f6cbd" : "#8a8886"}
                strokeWidth={node.stage.exception ? 2 : 1} strokeDasharray={node.stage.exception === "warning" ? "4 2" : undefined} />
              {node.ownerIndex >= 0 ? <rect x={node.x} y={node.y} width={4} height={node.height} rx={2} fill={OWNER_COLOURS[node.ownerIndex % OWNER_COLOURS.length]} /> : null}
              {node.title.map((line, k) => (
                <text key={k} x={node.x + 8} y={node.y + 13 + k * 12} fontSize={11} fontWeight={600} fill="#242424">{line}</text>
              ))}
              <text x={node.x + 8} y={node.y + 39} fontSize={10} fill="#424242">{node.detail}</text>
              {node.stage.exception ? <text x={node.x + node.width - 4} y={node.y + 12} fontSize={11} fontWeight={700} textAnchor="end" fill="#c50f1f">!</text> : null}
            </g>
          ))}
          {/* The arcs' numbers on top, where an arc passes close to a box. */}
          <g fontSize={10} textAnchor="middle">
            {layout.arcs.filter((a) => a.label !== null).map((a) => (
              <g key={`${a.from}>${a.to}:label`} aria-hidden="true">
                <rect x={a.labelX - labelWidth(a.label!) / 2} y={a.labelY - 7} width={labelWidth(a.label!)} height={13} rx={3} fill="#ffffff" stroke="#c8c6c4" strokeWidth={0.5} />
                <text x={a.labelX} y={a.labelY + 3.5} fill="#323130">{a.label}</text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      {layout.owners.length > 0 ? (
        <ul className={styles.owners} aria-label="Owners">
          {layout.owners.map((owner, k) => (
            <li key={owner} className={styles.owner}>
              <span className={styles.swatch} style={{ backgroundColor: OWNER_COLOURS[k % OWNER_COLOURS.length] }} />
              <Caption1>{owner}</Caption1>
            </li>
          ))}
        </ul>
      ) : null}
      <figcaption><Caption1>Left edge: the owner. Shaded: a stock point (SS: its safety stock). Numbers on the arcs: the committed service time. Red outline: an error, dashed orange: a warning. Select a stage to go to its row.</Caption1></figcaption>
    </figure>
  );
}
