// manifest.xml: the shared-runtime invariants of ADDIN-NOTES.md (one Taskpane.Url for runtime, custom
// functions page, function file and button), namespace APS, https everywhere, resources and icons.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { attributes, findAll, only, parseManifest, text, validateXml, type XmlNode } from "./support/manifest";
import { DIST, ROOT, pngSize } from "./support/paths";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest } = require("../../scripts/addin-build") as { rewriteManifest: (xml: string, publicUrl: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bumpVersion } = require("../../scripts/bump-version") as { bumpVersion: (xml: string, part?: string) => { xml: string; from: string; to: string } };

const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");
const app = parseManifest(xml);
const resources = only(app, "Resources");
const devUrl = "https://localhost:3000/";

/** id -> DefaultValue of each resource kind. */
function resourceTable(kind: string, element: string): Map<string, string> {
  const entries = findAll(only(resources, kind), element).map((e) => [String(e["@id"]), String(e["@DefaultValue"])] as const);
  return new Map(entries);
}
const images = resourceTable("Images", "Image");
const urls = resourceTable("Urls", "Url");
const shortStrings = resourceTable("ShortStrings", "String");
const longStrings = resourceTable("LongStrings", "String");

function url(resid: unknown): string {
  const value = urls.get(String(resid));
  if (value === undefined) throw new Error(`no bt:Url with id ${String(resid)}`);
  return value;
}
const customFunctions = findAll(app, "ExtensionPoint").find((e) => e["@type"] === "CustomFunctions") as XmlNode;
const sourceResid = (parent: string): unknown => only(only(customFunctions, parent), "SourceLocation")["@resid"];

describe("manifest.xml", () => {
  test("is well-formed XML of a task pane add-in for Excel", () => {
    expect(validateXml(xml)).toBe(true);
    expect(app["@type"]).toBe("TaskPaneApp");
    expect(text(only(app, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const hosts = findAll(app, "Host");
    expect(hosts.filter((h) => h["@Name"] !== undefined).map((h) => h["@Name"])).toEqual(["Workbook"]);
    expect(hosts.filter((h) => h["@type"] !== undefined).map((h) => h["@type"])).toEqual(["Workbook"]);
  });

  test("requires the shared runtime and keeps it alive (lifetime long) on Taskpane.Url", () => {
    const sets = findAll(only(app, "Requirements"), "Set");
    expect(sets).toContainEqual(expect.objectContaining({ "@Name": "SharedRuntime", "@MinVersion": "1.1" }));
    const runtime = only(only(app, "Runtimes"), "Runtime");
    expect(runtime["@resid"]).toBe("Taskpane.Url");
    expect(runtime["@lifetime"]).toBe("long");
  });

  test("runtime, custom functions page, function file and ribbon button all load the same URL", () => {
    const runtimeResid = only(only(app, "Runtimes"), "Runtime")["@resid"];
    const functionFileResid = only(app, "FunctionFile")["@resid"];
    const buttonActions = findAll(app, "Action").filter((a) => a["@type"] === "ShowTaskpane");
    expect(buttonActions).toHaveLength(1);
    const buttonResid = only(buttonActions[0], "SourceLocation")["@resid"];
    const resids = [runtimeResid, sourceResid("Page"), functionFileResid, buttonResid];
    expect(new Set(resids)).toEqual(new Set(["Taskpane.Url"]));
    expect(url("Taskpane.Url")).toBe(`${devUrl}taskpane.html`);
    expect(only(only(app, "DefaultSettings"), "SourceLocation")["@DefaultValue"]).toBe(url("Taskpane.Url"));
  });

  test("custom functions: namespace APS, metadata functions.json, script functions.js", () => {
    const namespaceResid = String(only(customFunctions, "Namespace")["@resid"]);
    expect(shortStrings.get(namespaceResid)).toBe("APS");
    expect(url(sourceResid("Metadata"))).toBe(`${devUrl}functions.json`);
    expect(url(sourceResid("Script"))).toBe(`${devUrl}functions.js`);
  });

  test("has the APS Planner button on the Home tab", () => {
    const tab = only(app, "OfficeTab");
    expect(tab["@id"]).toBe("TabHome");
    const button = findAll(tab, "Control").find((c) => c["@type"] === "Button") as XmlNode;
    expect(shortStrings.get(String(only(button, "Label")["@resid"]))).toBe("APS Planner");
  });

  test("asks for ReadWriteDocument", () => {
    expect(text(only(app, "Permissions"))).toBe("ReadWriteDocument");
  });

  test("every URL is https", () => {
    const values = attributes(app, "DefaultValue").map((a) => a.value).filter((v) => /^[a-z]+:\/\//i.test(v));
    const domains = findAll(app, "AppDomain").map(text);
    expect(values.length).toBeGreaterThan(8);
    for (const value of [...values, ...domains]) expect(value).toMatch(/^https:\/\//);
    // Resource URLs must be of the right kind too (a string resource holding a URL is a typo).
    for (const value of [...images.values(), ...urls.values()]) expect(value).toMatch(/^https:\/\//);
  });

  test("every resid used is defined once, in the table its element expects", () => {
    const defined = [...findAll(resources, "Image"), ...findAll(resources, "Url"), ...findAll(resources, "String")].map((e) => String(e["@id"]));
    expect(new Set(defined).size).toBe(defined.length);
    const tableFor: Record<string, Map<string, string>> = { Image: images, Description: longStrings };
    for (const { element, value } of attributes(app, "resid")) {
      const table = tableFor[element] ?? (["Label", "Title", "Namespace"].includes(element) ? shortStrings : urls);
      expect([element, value, table.has(value)]).toEqual([element, value, true]);
    }
  });

  test("icons are PNGs in assets/ of the size the manifest says", () => {
    const iconUrls = [
      ...findAll(app, "IconUrl").map((e) => ({ url: String(e["@DefaultValue"]), size: 32 })),
      ...findAll(app, "HighResolutionIconUrl").map((e) => ({ url: String(e["@DefaultValue"]), size: 64 })),
      ...[...images].map(([id, value]) => ({ url: value, size: Number(id.match(/(\d+)x\1$/)?.[1]) })),
    ];
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const icon of iconUrls) {
      expect(icon.url.startsWith(`${devUrl}assets/`)).toBe(true);
      const file = path.join(ROOT, icon.url.slice(devUrl.length));
      expect([file, fs.existsSync(file)]).toEqual([file, true]);
      expect(pngSize(file)).toEqual({ width: icon.size, height: icon.size });
    }
  });

  test("every URL on the dev server is a file of the build (dist/)", () => {
    const local = attributes(app, "DefaultValue").map((a) => a.value).filter((v) => v.startsWith(devUrl));
    for (const value of new Set(local)) {
      const file = path.join(DIST, new URL(value).pathname);
      expect([value, fs.existsSync(file)]).toEqual([value, true]);
    }
    expect(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toBe(xml);
  });

  test("shared-runtime rules: the ShowTaskpane action has no TaskpaneId, no AppDomain names localhost", () => {
    const action = findAll(app, "Action").find((a) => a["@type"] === "ShowTaskpane") as XmlNode;
    expect(findAll(action, "TaskpaneId")).toEqual([]);
    for (const domain of findAll(app, "AppDomain").map(text)) expect(domain).not.toMatch(/localhost/i);
  });

  test("ribbon icons: every size Office asks for (16, 20, 24, 32, 40, 48, 64, 80), on the group and the button", () => {
    const sizes = [16, 20, 24, 32, 40, 48, 64, 80];
    expect([...images.keys()].map((id) => Number(id.match(/(\d+)x\1$/)?.[1])).sort((a, b) => a - b)).toEqual(sizes);
    const icons = findAll(only(app, "OfficeTab"), "Icon");
    expect(icons).toHaveLength(2);
    for (const icon of icons) {
      const used = findAll(icon, "Image").map((i) => [Number(i["@size"]), String(i["@resid"])]);
      expect(used).toEqual(sizes.map((n) => [n, `Icon.${n}x${n}`]));
    }
  });

  test("SupportUrl and LearnMoreUrl open the help page: what ships, support, privacy and terms, nothing 'Coming'", () => {
    const support = String(only(app, "SupportUrl")["@DefaultValue"]);
    expect(support).toBe(`${devUrl}help.html`);
    expect(url(only(app, "LearnMoreUrl")["@resid"])).toBe(support);
    const page = fs.readFileSync(path.join(ROOT, "src", "taskpane", "help.html"), "utf8");
    expect(page).not.toMatch(/\bComing\b/i);
    for (const id of ["support", "privacy", "terms", "needs", "functions"]) expect(page).toContain(`id="${id}"`);
    expect(page).toMatch(/Microsoft 365 or Excel 2021 or later/);
  });

  test("a production build for a public URL leaves nothing on localhost (with or without a trailing slash)", () => {
    for (const publicUrl of ["https://example.org/aps/", "https://example.org/aps"]) {
      const moved = rewriteManifest(xml, publicUrl);
      expect(moved).not.toMatch(/localhost/i);
      const movedApp = parseManifest(moved);
      expect(findAll(movedApp, "SourceLocation").map((e) => e["@DefaultValue"]).filter(Boolean)).toEqual(["https://example.org/aps/taskpane.html"]);
      expect(String(only(movedApp, "SupportUrl")["@DefaultValue"])).toBe("https://example.org/aps/help.html");
      expect(validateXml(moved)).toBe(true);
    }
    expect(() => rewriteManifest(xml, "http://example.org/")).toThrow(/https/);
  });

  test("npm run version:bump raises <Version> (n.n.n.n) and only that", () => {
    const version = text(only(app, "Version"));
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const [major, minor, patch] = version.split(".").map(Number);
    const bumped = bumpVersion(xml);
    expect(bumped.to).toBe(`${major}.${minor}.${patch + 1}.0`);
    expect(text(only(parseManifest(bumped.xml), "Version"))).toBe(bumped.to);
    expect(bumped.xml.replace(`<Version>${bumped.to}</Version>`, `<Version>${version}</Version>`)).toBe(xml);
    expect(bumpVersion(xml, "major").to).toBe(`${major + 1}.0.0.0`);
    expect(() => bumpVersion(xml, "huge")).toThrow(/Unknown version part/);
    // The command itself, on a copy.
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aps-manifest-")), "manifest.xml");
    fs.writeFileSync(copy, xml);
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts", "bump-version.js"), "minor", "--manifest", copy], { encoding: "utf8" });
    expect(out).toContain(`${version} -> ${major}.${minor + 1}.0.0`);
    expect(text(only(parseManifest(fs.readFileSync(copy, "utf8")), "Version"))).toBe(`${major}.${minor + 1}.0.0`);
  });

  test("office-addin-manifest info reads it offline", () => {
    const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const out = execFileSync(process.execPath, [cli, "info", MANIFEST], { encoding: "utf8", timeout: 60_000 });
    expect(out).toContain(`Id: ${text(only(app, "Id"))}`);
    expect(out).toContain("Name: APS for Excel");
    expect(out).toContain("Permissions: ReadWriteDocument");
  });
});
