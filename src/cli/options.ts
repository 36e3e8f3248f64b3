// The command line's options, read alike by every command: a negative number after a flag is its
// value (`--now -5`, then refused by the flag's own rule), and what the option parser refuses is said
// in the user's words ("unknown option --x; see aps plan --help"), never in the parser's.

import { parseArgs } from "node:util";
import { CliInputError } from "./io";

/** An option as node:util's parseArgs takes it. */
export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
}

type Options = Record<string, OptionSpec>;

/** What parseArgs returns for these options. */
export type ParsedOptions<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/** A number as typed after a flag: "-5", "-0.5", "-.5", "-1e3", "-Infinity". */
const NEGATIVE_NUMBER = /^-(\d|\.\d|inf)/i;

/**
 * The arguments with `--flag -5` joined into `--flag=-5` where the flag takes a value, so the parser
 * reads a negative number as the value instead of as an option.
 * @example negativeValues(["--now", "-5"], { now: { type: "string" } }) // ["--now=-5"]
 */
export function negativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : null;
    const next = args[i + 1];
    if (name !== null && options[name]?.type === "string" && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The parser's refusal in the user's words, ending with where to read the usage. */
export function optionProblem(command: string, error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const code = (error as { code?: string })?.code ?? "";
  const help = `see aps ${command} --help`;
  const named = /'(-{1,2}[^' <]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${named ?? message}; ${help}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && named !== undefined) {
    if (/argument missing/.test(message)) return `${named} needs a value; ${help}`;
    if (/does not take an argument/.test(message)) return `${named} takes no value; ${help}`;
    if (/ambiguous/.test(message)) return `${named} needs a value, and the next argument starts with "-"; write ${named}=VALUE to give such a value; ${help}`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument; ${help}`;
  return `${message.split(".")[0]}; ${help}`;
}

/**
 * Reads a command's arguments: positionals and these options, or a CliInputError in the user's words.
 * @example parseOptions("plan", ["net.json", "--jsn"], { json: { type: "boolean" } }) // throws "unknown option --jsn; see aps plan --help"
 */
export function parseOptions<O extends Options>(command: string, args: readonly string[], options: O): ParsedOptions<O> {
  try {
    return parseArgs({ args: negativeValues(args, options), allowPositionals: true, options }) as ParsedOptions<O>;
  } catch (error) {
    throw new CliInputError(optionProblem(command, error));
  }
}
