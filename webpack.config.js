// Builds the add-in into dist/: one taskpane.html loading every chunk (shared runtime), functions.json
// from the custom functions' JSDoc, icons and manifest. Modelled on Microsoft's Excel-Custom-Functions-Shared.
/* eslint-disable no-undef */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { finishFunctionsMetadata, rewriteManifest } = require("./scripts/addin-build");

/** Finishes the functions.json that CustomFunctionsMetadataPlugin wrote (scripts/addin-build.js). */
class FinishFunctionsMetadataPlugin {
  constructor(publicUrl) {
    this.publicUrl = publicUrl;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FinishFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FinishFunctionsMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const json = finishFunctionsMetadata(asset.source.source().toString(), this.publicUrl);
        compilation.updateAsset("functions.json", new sources.RawSource(json));
      });
    });
  }
}

/**
 * HTTPS for `npm run dev-server`. Office only loads add-ins over https. Uses the certificates that
 * `npx office-addin-dev-certs install` leaves in ~/.office-addin-dev-certs (trusted by Office) when
 * they exist; otherwise webpack-dev-server's own self-signed certificate (open
 * https://localhost:3000/taskpane.html once in the browser and accept it before sideloading).
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const found = Object.values(files).every((file) => fs.existsSync(path.join(dir, file)));
  if (!found) return { type: "https" };
  const read = (file) => fs.readFileSync(path.join(dir, file));
  return { type: "https", options: { key: read(files.key), cert: read(files.cert), ca: read(files.ca) } };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  // `webpack --env publicUrl=https://example.com/aps/` moves every https://localhost:3000 URL of the
  // manifest and of functions.json (help URLs) copied to dist/ to that URL.
  const publicUrl = env.publicUrl;
  return {
    mode,
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the build only strips types.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          // HiGHS' ES module names its .wasm by new URL(…, import.meta.url); the copy above serves it instead.
          test: /highs[\\/]build[\\/]highs\.mjs$/,
          parser: { url: false },
        },
      ],
    },
    plugins: [
      // HiGHS' ES module reaches for node: modules only when it runs in Node; in the browser they stay out.
      new webpack.IgnorePlugin({ resourceRegExp: /^node:/, contextRegExp: /highs[\\/]build/ }),
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new FinishFunctionsMetadataPlugin(publicUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Order matters: functions register before the pane renders; commands last.
        chunks: ["functions", "taskpane", "commands"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // The functions' help URLs (@helpurl) open these pages.
          { from: "docs/*.md", to: "docs/[name][ext]" },
          // HiGHS (the supply plan's LP solver): the job worker loads it with locateFile (jobWorker.ts).
          { from: "node_modules/highs/build/highs.wasm", to: "highs.wasm" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return publicUrl ? rewriteManifest(content.toString(), publicUrl) : content;
            },
          },
        ],
      }),
    ],
    // Fluent UI makes the pane bundle large; it is served from the add-in's own host, once.
    // HiGHS' .wasm (3.4 MB) is fetched by the job worker only when a supply plan runs.
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000, assetFilter: (file) => !/\.(map|wasm)$/.test(file) },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: devServerHttps(),
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};
