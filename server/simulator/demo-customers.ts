// Buyers the simulated marketplace invents for its orders.
export const DEMO_CUSTOMERS = [
  "华东示例科技有限公司",
  "示例零售连锁",
  "Demo Logistics Ltd.",
  "示例制造集团",
  "北辰教育咨询",
  "Contoso Health",
  "云帆物流",
  "示例餐饮管理有限公司",
] as const;

export const demoCustomer = (index: number) => {
  const name = DEMO_CUSTOMERS[Math.abs(index) % DEMO_CUSTOMERS.length] ?? DEMO_CUSTOMERS[0];
  return { customerId: `sim-customer-${String(Math.abs(index) % 1000).padStart(3, "0")}`, customerName: name };
};
