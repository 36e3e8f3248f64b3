// Reads manifest.xml into a plain tree (namespace prefixes dropped: bt:Image -> Image,
// xsi:type -> @type) and offers the look-ups the manifest tests need.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type XmlNode = { [key: string]: unknown };

export function validateXml(xml: string): true | string {
  const result = XMLValidator.validate(xml);
  return result === true ? true : `${result.err.msg} (line ${result.err.line})`;
}

export function parseManifest(xml: string): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute, // every element is a list: one shape to walk
    parseAttributeValue: false,
    parseTagValue: false,
    alwaysCreateTextNode: true, // text always in "#text", so every element is an object
  });
  const doc = parser.parse(xml) as XmlNode;
  const root = (doc.OfficeApp as XmlNode[] | undefined)?.[0];
  if (!root) throw new Error("manifest.xml has no OfficeApp root");
  return root;
}

/** Every element named `name` below `node`, depth first, in document order. */
export function findAll(node: unknown, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value as XmlNode)) {
      if (key.startsWith("@")) continue;
      if (key === name && Array.isArray(child)) found.push(...(child.filter((c) => typeof c === "object") as XmlNode[]));
      walk(child);
    }
  };
  walk(node);
  return found;
}

/** The only element named `name` below `node`; throws when there are none or several. */
export function only(node: unknown, name: string): XmlNode {
  const all = findAll(node, name);
  if (all.length !== 1) throw new Error(`expected one <${name}>, found ${all.length}`);
  return all[0];
}

/** Text content of an element parsed with isArray (text sits in "#text"). */
export function text(node: XmlNode): string {
  return String(node["#text"] ?? "").trim();
}

/** All attribute values named `attr` anywhere below `node`, with the element name that carries them. */
export function attributes(node: unknown, attr: string): { element: string; value: string }[] {
  const found: { element: string; value: string }[] = [];
  const walk = (value: unknown, element: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, element));
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value as XmlNode)) {
      if (key === `@${attr}`) found.push({ element, value: String(child) });
      else if (!key.startsWith("@")) walk(child, key);
    }
  };
  walk(node, "OfficeApp");
  return found;
}
