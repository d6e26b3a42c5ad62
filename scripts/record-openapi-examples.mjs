// Records the OpenAPI document's response examples (src/RotationAnalytics.Api/OpenApi/Examples/{operationId}.json) from
// a running API on the shared market data: node scripts/record-openapi-examples.mjs [baseUrl] [adminKey]
// e.g. after `Admin__ApiKey=dev scripts/run.sh --csv-dir ../shared/data/market`. Long arrays keep three items and
// file URLs lose the machine's directory, so the examples stay short and the same on every machine. Null properties are
// left out: they are never required, and OpenAPI 3.0 cannot mark a reference to another schema nullable in a way that
// linters accept for a null example.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

const base = process.argv[2] ?? "http://127.0.0.1:8080";
const adminKey = process.argv[3] ?? process.env.ADMIN_API_KEY ?? "";
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src", "RotationAnalytics.Api", "OpenApi", "Examples");

// operationId → the request the action's XML comment shows (admin ones need the key).
const requests = {
  Instruments_List: "/instruments",
  Instruments_Bars: "/instruments/SPX/bars?from=2026-01-02&to=2026-01-23",
  Groups_List: "/groups",
  Groups_Get: "/groups/us-sectors",
  Streaks_Get: "/streaks?symbol=RUT&benchmark=SPX&asOf=2026-01-22&minLength=10",
  StreakAftermath_Get: "/streaks/aftermath?symbol=RUT&benchmark=SPX&asOf=2026-01-22",
  RelativePerformance_Get: "/relative-performance?symbols=QQQ,IWM,SPY&benchmark=SPY&from=2026-01-01&to=2026-01-23",
  Rsi_Get: "/indicators/rsi?symbol=RUT&from=2026-01-02&to=2026-01-23",
  SectorBreadth_Get: "/breadth/sectors?from=2026-01-02&to=2026-01-23",
  RecordHighs_Get: "/highs?symbol=RUT&from=2026-01-01&to=2026-01-31",
  Rotation_Get: "/rotation?benchmark=SPY&symbols=XLB,XLU,XLK&asOf=2026-01-23&tail=5",
  Performance_Get: "/performance?symbols=XLK,XLU&benchmark=SPY&asOf=2026-01-22&horizons=1M,YTD,1Y",
  Correlation_Get: "/correlation?symbols=IWM&benchmark=SPY&from=2025-01-01&to=2025-12-31&window=63",
  Briefs_Get: "/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2026-01-22&compare=COMP",
  AdminIngestion_List: "/admin/ingestion/runs?limit=1",
  AdminIngestion_Get: "/admin/ingestion/runs/1",
  AdminInstruments_Get: "/admin/instruments/SPX",
};

const shorten = (value) => {
  if (Array.isArray(value)) return value.slice(0, 3).map(shorten);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, shorten(v)]));
  }
  if (typeof value === "string" && value.startsWith("file://")) return value.replace(/^file:\/\/.*\/(data\/market\/[^/]+)$/, "file:///$1");
  return value;
};

for (const [operationId, url] of Object.entries(requests)) {
  const response = await fetch(base + url, { headers: { "X-Api-Key": adminKey, Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  await writeFile(path.join(folder, `${operationId}.json`), JSON.stringify(shorten(await response.json()), null, 2) + "\n");
  console.log(`${operationId}.json ← ${url}`);
}
