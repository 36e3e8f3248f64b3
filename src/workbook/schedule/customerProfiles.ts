// The optional `Orders` table (Customer, Order Date, Due Date): order frequency and lead-time
// tolerance per customer, as a `Customer Profiles` sheet beside the forecast.

import { customerProfiles } from "../../engine/forecast/segmentation";
import { normaliseName } from "../../engine/network/fields";
import { ResultSheet, TableData, tableCellAddress } from "../port";

type Exception = { severity: "error" | "warning" | "info"; where: string; message: string };

function column(table: TableData, name: string): number {
  return table.headers.findIndex((h) => normaliseName(String(h ?? "")) === normaliseName(name));
}

/** The Customer Profiles sheet (orders per month, mean due − order days), and rows it could not read. */
export function customerProfilesSheet(table: TableData | null): { sheet: ResultSheet | null; exceptions: Exception[] } {
  if (!table) return { sheet: null, exceptions: [] };
  const c = { customer: column(table, "Customer"), orderDate: column(table, "Order Date"), dueDate: column(table, "Due Date") };
  if (c.customer < 0 || c.orderDate < 0) return { sheet: null, exceptions: [{ severity: "warning", where: table.sheet, message: `${table.sheet}: the Orders table needs "Customer" and "Order Date" columns for customer profiles.` }] };
  const exceptions: Exception[] = [];
  const orders: { customer: string; orderDate: number; dueDate?: number | null }[] = [];
  table.rows.forEach((row, r) => {
    const customer = row[c.customer], orderDate = row[c.orderDate], due = c.dueDate >= 0 ? row[c.dueDate] : null;
    if (customer === null || String(customer).trim() === "") return;
    if (typeof orderDate !== "number" || !Number.isFinite(orderDate)) {
      const cell = tableCellAddress(table, r, c.orderDate);
      const got = orderDate === null ? "a blank" : JSON.stringify(String(orderDate).slice(0, 40));
      if (exceptions.length < 20) exceptions.push({ severity: "warning", where: cell, message: `${cell}: Order Date must be a date (got ${got}); the row is left out of the customer profiles.` });
      return;
    }
    orders.push({ customer: String(customer).trim(), orderDate, dueDate: typeof due === "number" && Number.isFinite(due) ? due : null });
  });
  const profiles = customerProfiles(orders);
  return {
    exceptions,
    sheet: {
      name: "Customer Profiles",
      title: "Order frequency and lead-time tolerance per customer (from the Orders table)",
      columns: [{ header: "Customer" }, { header: "Orders" }, { header: "Orders per Month", numberFormat: "0.00" }, { header: "Lead-Time Tolerance (days)", numberFormat: "0.0" }],
      rows: profiles.map((p) => [p.customer, p.orders, p.orderFrequency, p.leadTimeTolerance]),
    },
  };
}
