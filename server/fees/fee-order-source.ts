import { REFUND_ORDER_TYPES } from "@/domain/fees/order-attribution";

// The one place that reads the gateway's order tables for fees, as SQL so a year of orders is
// summed by the database. It applies the same rules as attributeOrder (domain/fees/order-attribution.ts):
// no test traffic, no trials, no empty amounts, reverse orders negative, every line attributed to
// the order's creation time. When the order-query data lands (orders.ordered_at, per-line amounts,
// payment / effective / supervision facts), this is what changes: placed_at becomes ordered_at,
// attributed_at the renewal's effective time or the consumption month, the amount the line's own,
// and unpaid or unsupervised orders wait for a later period.
//
// Product: the order's first line, or the instance for V1 orders (which have no order lines).
const REFUND_TYPES_SQL = REFUND_ORDER_TYPES.map((type) => `'${type}'`).join(", ");

export const UNKNOWN_PRODUCT = "(unknown)";

// Correlated form, for reading one month order by order (bills).
export const PRODUCT_CODE_SQL = `coalesce(
           (SELECT min(ol.product_code) FROM order_lines ol WHERE ol.order_id = o.order_id),
           (SELECT min(i.product_code) FROM instances i WHERE i.order_id = o.order_id),
           '${UNKNOWN_PRODUCT}')`;

// Set form, for a year of orders: two hash joins instead of a million index probes. Both forms
// pick the same product (the smallest code on the order's lines, else on its instance).
export const feeOrderSourceSql = (range: { fromParam: string; toParam: string }) => `
  SELECT o.order_id,
         CASE WHEN upper(coalesce(o.order_type, 'NEW')) IN (${REFUND_TYPES_SQL}) THEN -abs(o.amount) ELSE o.amount END AS amount,
         coalesce(lp.product_code, ip.product_code, '${UNKNOWN_PRODUCT}') AS product_code,
         o.created_at AS placed_at,
         o.created_at AS attributed_at
    FROM orders o
    LEFT JOIN (SELECT order_id, min(product_code) AS product_code FROM order_lines GROUP BY order_id) lp ON lp.order_id = o.order_id
    LEFT JOIN (SELECT order_id, min(product_code) AS product_code FROM instances GROUP BY order_id) ip ON ip.order_id = o.order_id
   WHERE NOT o.test_flag
     AND o.amount IS NOT NULL AND o.amount <> 0
     AND upper(coalesce(o.order_type, 'NEW')) <> 'TRIAL'
     AND o.created_at >= ${range.fromParam} AND o.created_at < ${range.toParam}`;
// Beijing month of a timestamptz without relying on the server's time zone data.
export const beijingMonthSql = (column: string) => `to_char((${column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;
