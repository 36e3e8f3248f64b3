// The file worker's body without the Worker global: one FileBook, one request at a time.

import { FileBook } from "./fileBook";
import { readNetworkSource } from "../../workbook/plan/networkSource";
import type { NetworkSource } from "../../workbook/jobs/types";
import type { ResultSheet } from "../../workbook/port";
import type { FileRequest } from "./fileProtocol";

/** Keeps the open book between requests and answers each (throws with a message the pane shows). */
export function fileServer(): (request: FileRequest) => Promise<unknown> {
  let book: FileBook | null = null;
  const open = (): FileBook => {
    if (!book) throw new Error("No workbook is open: use Open workbook… first.");
    return book;
  };
  return async (request) => {
    switch (request.op) {
      case "open":
        book = await FileBook.open(request.name, request.bytes);
        return book.summary();
      case "blank":
        book = await FileBook.blank(request.name);
        return book.summary();
      case "summary":
        return open().summary();
      case "readTables":
        return open().readTables(request.names);
      case "writeSheets":
        return open().writeSheets(request.sheets);
      case "readTablesJson": {
        const tables = await open().readTables(request.names);
        return { json: JSON.stringify(tables), present: request.names.filter((n) => tables[n]) };
      }
      case "writeSheetsJson":
        return open().writeSheets((JSON.parse(request.bulk) as { sheets: ResultSheet[] }).sheets);
      case "insertExamples":
        return open().insertExamples(request.set);
      case "cellAt":
        return open().cellAt(request.place);
      case "toBytes":
        return open().toBytes();
      case "readNetworkFiles": {
        const sources: NetworkSource[] = [];
        for (const f of request.files) sources.push(await readNetworkSource(f.name, f.bytes));
        return sources;
      }
      case "warm":
        await Promise.all([import("exceljs"), import("../../workbook/xlsx/xlsxWorkbook")]);
        return null;
    }
  };
}
