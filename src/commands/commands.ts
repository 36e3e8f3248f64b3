// Ribbon commands. The "APS Planner" button uses ShowTaskpane, which needs no code in the shared
// runtime; add ExecuteFunction handlers here with Office.actions.associate when the ribbon grows.

/* global Office */

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to register yet.
  });
}

export {};
