import type { CallbackCommand } from "@/domain/callbacks/callback-command";
import type { CallbackContext, HandlerResult } from "@/server/gateway/callback-context";
import { handleChangeInstanceCheck } from "@/server/gateway/handlers/change-instance-check";
import { handleCreateInstance } from "@/server/gateway/handlers/create-instance";
import {
  handleGetLicence,
  handleGetLicenceAsync,
  handleRefreshLicenceCode,
  handleReleaseLicence,
  handleReleaseLicenceCode,
  handleUpdateLicenceCodeStatus,
} from "@/server/gateway/handlers/licences";
import { handleOrderNotify } from "@/server/gateway/handlers/order-notify";
import { handleQueryInstances } from "@/server/gateway/handlers/query-instances";
import { handleReleaseInstance } from "@/server/gateway/handlers/release-instance";
import { handleRenewInstance } from "@/server/gateway/handlers/renew-instance";
import { handleSetInstanceStatus } from "@/server/gateway/handlers/set-instance-status";
import { handleUpgradeInstance } from "@/server/gateway/handlers/upgrade-instance";

export const handleCommand = (command: CallbackCommand, ctx: CallbackContext): Promise<HandlerResult> => {
  switch (command.kind) {
    case "createInstance":
      return handleCreateInstance(command, ctx);
    case "renewInstance":
      return handleRenewInstance(command, ctx);
    case "setInstanceStatus":
      return handleSetInstanceStatus(command, ctx);
    case "releaseInstance":
      return handleReleaseInstance(command, ctx);
    case "upgradeInstance":
      return handleUpgradeInstance(command, ctx);
    case "queryInstances":
      return handleQueryInstances(command, ctx);
    case "changeInstanceCheck":
      return handleChangeInstanceCheck(command, ctx);
    case "orderNotify":
      return handleOrderNotify(command, ctx);
    case "getLicence":
      return handleGetLicence(command, ctx);
    case "releaseLicence":
      return handleReleaseLicence(command, ctx);
    case "getLicenceAsync":
      return handleGetLicenceAsync(command, ctx);
    case "refreshLicenceCode":
      return handleRefreshLicenceCode(command, ctx);
    case "updateLicenceCodeStatus":
      return handleUpdateLicenceCodeStatus(command, ctx);
    case "releaseLicenceCode":
      return handleReleaseLicenceCode(command, ctx);
  }
};
