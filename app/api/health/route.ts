// GET /api/health — the process is alive (no database call, no secrets)
export const dynamic = "force-dynamic";

export const GET = () => Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
