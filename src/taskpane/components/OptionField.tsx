// One job option as a labelled form field: a number box, a list, a switch or a text box.
import * as React from "react";
import { Field, Input, Select, Switch } from "@fluentui/react-components";
import type { JobOption } from "../../workbook/jobs/types";

export interface OptionFieldProps {
  option: JobOption;
  value: JobOption["default"];
  onChange: (value: JobOption["default"]) => void;
  /** Values the workbook knows for a text option (its choicesFrom column): offered, typing stays free. */
  choices?: string[];
}

/** A number box's text → the option value (blank → null; not a number → kept as text, refused by the job). */
export function parseOptionText(option: JobOption, text: string): JobOption["default"] {
  if (option.kind === "text") return text;
  if (text.trim() === "") return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : text;
}

function problemOf(option: JobOption, value: JobOption["default"]): string | undefined {
  if (option.kind !== "number" && option.kind !== "integer") return undefined;
  if (value === null) return undefined;
  if (typeof value !== "number") return "Enter a number.";
  if (option.kind === "integer" && !Number.isInteger(value)) return "Enter a whole number.";
  if (option.min !== undefined && value < option.min) return `At least ${option.min}.`;
  if (option.max !== undefined && value > option.max) return `At most ${option.max}.`;
  return undefined;
}

export function OptionField({ option, value, onChange, choices }: OptionFieldProps): React.JSX.Element {
  const problem = problemOf(option, value);
  if (option.kind === "text" && choices && choices.length > 0) {
    // A text box with the workbook's values as suggestions (the browser's own list: typing stays free).
    const listId = `choices-${option.name}`;
    return (
      <Field label={option.label} hint={option.hint}>
        <Input type="text" list={listId} autoComplete="off" value={value === null || value === undefined ? "" : String(value)} onChange={(_, d) => onChange(d.value)} />
        <datalist id={listId}>
          {choices.map((c) => <option key={c} value={c} />)}
        </datalist>
      </Field>
    );
  }
  if (option.kind === "boolean") {
    return (
      <Field hint={option.hint}>
        <Switch label={option.label} checked={value === true} onChange={(_, d) => onChange(d.checked)} />
      </Field>
    );
  }
  if (option.kind === "choice") {
    return (
      <Field label={option.label} hint={option.hint}>
        <Select value={String(value ?? option.default ?? "")} onChange={(_, d) => onChange(d.value)}>
          {(option.choices ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
        </Select>
      </Field>
    );
  }
  return (
    <Field label={option.label} hint={option.hint} validationState={problem ? "error" : "none"} validationMessage={problem}>
      <Input
        type={option.kind === "text" ? "text" : "number"}
        inputMode={option.kind === "text" ? "text" : "decimal"}
        value={value === null || value === undefined ? "" : String(value)}
        min={option.min}
        max={option.max}
        step={option.kind === "integer" ? 1 : "any"}
        onChange={(_, d) => onChange(parseOptionText(option, d.value))}
      />
    </Field>
  );
}
