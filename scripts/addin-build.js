// What the build does to the add-in's text files, as pure functions (webpack.config.js calls them,
// test/addin/ checks them): the manifest and functions.json moved from the dev server to the public
// URL, and functions.json finished with what custom-functions-metadata does not write.
"use strict";

/** The dev server every URL of manifest.xml and the functions' JSDoc (@helpurl) points at. */
const DEV_ORIGIN = "https://localhost:3000";

/** A public URL as a base ending in "/" ("https://example.org/aps" → "https://example.org/aps/"). */
function publicBase(publicUrl) {
  const url = new URL(publicUrl);
  if (url.protocol !== "https:") throw new Error(`publicUrl must be an https URL (got ${publicUrl}).`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces the dev origin, with or without a path after it, by the public base. */
function moveUrls(text, publicUrl) {
  if (!publicUrl) return text;
  const base = publicBase(publicUrl);
  return text.replace(/https:\/\/localhost:3000(\/|(?![\w.:-]))/g, base);
}

/** manifest.xml for a public URL: every dev URL, with or without a trailing slash, moved. */
function rewriteManifest(xml, publicUrl) {
  return moveUrls(xml, publicUrl);
}

/**
 * functions.json as Excel should read it: `allowErrorForDataTypeAny` (Excel calls the functions even
 * when an argument holds an error value, so the message can name it) next to
 * `allowCustomDataForDataTypeAny` (data types arrive as objects), and help URLs moved to the public URL.
 */
function finishFunctionsMetadata(json, publicUrl) {
  const metadata = JSON.parse(json);
  const finished = { allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true, ...metadata };
  finished.allowErrorForDataTypeAny = true;
  return moveUrls(JSON.stringify(finished, null, 4), publicUrl);
}

module.exports = { DEV_ORIGIN, publicBase, rewriteManifest, finishFunctionsMetadata };
