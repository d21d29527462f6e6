import type { KitRequest } from "@/lib/marketplace/koogallery/kit-schemas";
import { applicationSync } from "@/server/kit/application-sync";
import { authSync } from "@/server/kit/auth-sync";
import type { KitSyncContext } from "@/server/kit/kit-sync-context";
import { allOrgSync, singleOrgSync } from "@/server/kit/org-sync";
import { tenantSync } from "@/server/kit/tenant-sync";

export const handleKitSync = async (request: KitRequest, ctx: KitSyncContext): Promise<void> => {
  switch (request.name) {
    case "tenantSync":
      return tenantSync(request.data, ctx);
    case "applicationSync":
      return applicationSync(request.data, ctx);
    case "authSync":
      return authSync(request.data, ctx);
    case "singleOrgSync":
      return singleOrgSync(request.data, ctx);
    case "allOrgSync":
      return allOrgSync(request.data, ctx);
  }
};
