#!/usr/bin/env node
// Wire-compatibility check: drives the Tencent VPC emulator with the OFFICIAL tencentcloud-sdk-nodejs client
// (not our C# client). The endpoint stays vpc.tencentcloudapi.com so the SDK derives service "vpc" and signs the
// real host name; an http.Agent sends every connection to the emulator on 127.0.0.1 instead (no DNS involved).
// Calls: DescribeVpcs, CreateVpcPeeringConnection (alpha -> beta, refused without a bandwidth cap across regions,
// then with one), AcceptVpcPeeringConnection (beta), DescribeVpcPeeringConnections, CreateRoutes, DescribeRouteTables,
// the day-2 changes (ModifyVpcPeeringConnection, ReplaceRoutes, DisableRoutes, EnableRoutes), and a ResourceNotFound
// error; the accepted cross-region peering stays PENDING until its activation has passed on the emulator clock
// (advanced through the control API); with --page-cap N, DescribeVpcPeeringConnections answers at most N items a
// page, and paging by TotalCount and Offset still finds every peering.
//
// Usage: node official-sdk-smoke.mjs --base-url http://127.0.0.1:8930 [--page-cap N]
//   (or EMULATOR_URL=...). Credentials default to the demo seed; override with ALPHA_SECRET_ID, ALPHA_SECRET_KEY,
//   BETA_SECRET_ID, BETA_SECRET_KEY, BETA_UIN.
// Prints a JSON report on stdout; exits 0 when every check passes, 1 on any mismatch, 2 on bad usage.

import http from "node:http";
import net from "node:net";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Client: VpcClient } = require("tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client");

function argument(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const baseUrl = argument("--base-url") ?? process.env.EMULATOR_URL;
if (!baseUrl) {
  console.error("usage: node official-sdk-smoke.mjs --base-url http://127.0.0.1:<port>");
  process.exit(2);
}

const pageCap = argument("--page-cap") === undefined ? undefined : Number(argument("--page-cap"));
const target = new URL(baseUrl);
const emulatorPort = Number(target.port || 80);
const demo = {
  alpha: {
    secretId: process.env.ALPHA_SECRET_ID ?? "AKIDalphaDEMO0000000000000000000001",
    secretKey: process.env.ALPHA_SECRET_KEY ?? "alphaDemoSecretKey000000000000001",
  },
  beta: {
    secretId: process.env.BETA_SECRET_ID ?? "AKIDbetaDEMO00000000000000000000002",
    secretKey: process.env.BETA_SECRET_KEY ?? "betaDemoSecretKey0000000000000002",
  },
  betaUin: process.env.BETA_UIN ?? "100000000002",
};

// Every socket goes to the emulator, whatever host the SDK asks for.
class EmulatorAgent extends http.Agent {
  createConnection(_options, callback) {
    return net.createConnection({ host: "127.0.0.1", port: emulatorPort }, callback);
  }
}

const agent = new EmulatorAgent({ keepAlive: false });

function client(credential, region) {
  return new VpcClient({
    credential,
    region,
    profile: { httpProfile: { protocol: "http://", agent, reqTimeout: 30 } },
  });
}

const alpha = client(demo.alpha, "ap-guangzhou");
const betaShanghai = client(demo.beta, "ap-shanghai");

const failures = [];
const results = {};

function check(label, condition, detail) {
  if (!condition) {
    failures.push({ check: label, detail });
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

try {
  const vpcs = await alpha.DescribeVpcs({});
  results.describeVpcs = { TotalCount: vpcs.TotalCount, VpcIds: vpcs.VpcSet.map((v) => v.VpcId), AssistantCidrs: vpcs.VpcSet[0]?.AssistantCidrSet?.map((c) => c.CidrBlock) };
  check("DescribeVpcs finds vpc-alpha001", vpcs.TotalCount === 1 && vpcs.VpcSet[0].VpcId === "vpc-alpha001", vpcs);
  check("DescribeVpcs shows the assistant CIDR", vpcs.VpcSet[0]?.AssistantCidrSet?.[0]?.CidrBlock === "10.11.0.0/16", vpcs.VpcSet[0]);
  check("RequestId is a UUID", uuid.test(vpcs.RequestId), vpcs.RequestId);

  // Across regions Tencent needs a bandwidth cap; the emulator answers InvalidParameterValue.Combination without one.
  try {
    await alpha.CreateVpcPeeringConnection({
      SourceVpcId: "vpc-alpha001",
      PeeringConnectionName: "sdk-compat-uncapped",
      DestinationVpcId: "vpc-beta0001",
      DestinationUin: demo.betaUin,
      DestinationRegion: "ap-shanghai",
    });
    check("a cross-region peering without Bandwidth is refused", false, "no error was raised");
  } catch (e) {
    results.crossRegionWithoutBandwidth = { code: e.code, requestId: e.requestId, message: e.message };
    check("a cross-region peering without Bandwidth is refused", e.code === "InvalidParameterValue.Combination", { code: e.code, message: e.message });
  }

  const created = await alpha.CreateVpcPeeringConnection({
    SourceVpcId: "vpc-alpha001",
    PeeringConnectionName: "sdk-compat",
    DestinationVpcId: "vpc-beta0001",
    DestinationUin: demo.betaUin,
    DestinationRegion: "ap-shanghai",
    Bandwidth: 10,
    ChargeType: "POSTPAID_BY_DAY_MAX",
  });
  const pcx = created.PeeringConnectionId;
  results.createVpcPeeringConnection = { PeeringConnectionId: pcx };
  check("CreateVpcPeeringConnection returns a pcx- id", /^pcx-[a-z0-9]{8}$/.test(pcx ?? ""), created);

  const accepted = await betaShanghai.AcceptVpcPeeringConnection({ PeeringConnectionId: pcx });
  results.acceptVpcPeeringConnection = { RequestId: accepted.RequestId };
  check("AcceptVpcPeeringConnection succeeds for the receiver", uuid.test(accepted.RequestId ?? ""), accepted);

  // Tencent activates a cross-region peering asynchronously: PENDING until the emulator's clock passes the delay.
  const activating = await alpha.DescribeVpcPeeringConnections({ PeeringConnectionIds: [pcx] });
  results.activation = { StateRightAfterAccept: activating.PeerConnectionSet?.[0]?.State };
  check("an accepted cross-region peering is PENDING while it activates", activating.PeerConnectionSet?.[0]?.State === "PENDING", activating);
  const activation = await (await fetch(new URL("/_emulator/activation", baseUrl))).json();
  await fetch(new URL("/_emulator/clock", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceSeconds: activation.crossRegionSeconds }),
  });

  const described = await alpha.DescribeVpcPeeringConnections({ PeeringConnectionIds: [pcx] });
  const peering = described.PeerConnectionSet?.[0] ?? {};
  results.describeVpcPeeringConnections = {
    TotalCount: described.TotalCount,
    State: peering.State,
    SourceRegion: peering.SourceRegion,
    DestinationRegion: peering.DestinationRegion,
    DestinationUin: peering.DestinationUin,
    Bandwidth: peering.Bandwidth,
  };
  check("the peering is ACTIVE", peering.State === "ACTIVE", peering);
  check("regions are short codes", peering.SourceRegion === "gz" && peering.DestinationRegion === "sh", peering);
  check("the cross-region cap is kept", peering.Bandwidth === 10, peering);
  check("DestinationUin is an integer", typeof peering.DestinationUin === "number" && String(peering.DestinationUin) === demo.betaUin, peering);

  const seenByBeta = await betaShanghai.DescribeVpcPeeringConnections({ PeeringConnectionIds: [pcx] });
  check("the receiver sees the same record", seenByBeta.PeerConnectionSet?.[0]?.SourceVpcId === "vpc-alpha001", seenByBeta);

  const routes = await alpha.CreateRoutes({
    RouteTableId: "rtb-alphapcx",
    Routes: [{ DestinationCidrBlock: "172.16.0.0/16", GatewayType: "PEERCONNECTION", GatewayId: pcx, RouteDescription: "to beta" }],
  });
  const route = routes.RouteTableSet?.[0]?.RouteSet?.[0] ?? {};
  results.createRoutes = { TotalCount: routes.TotalCount, RouteId: route.RouteId, RouteItemId: route.RouteItemId };
  check("CreateRoutes returns exactly the new route", routes.TotalCount === 1 && routes.RouteTableSet[0].RouteSet.length === 1, routes);
  check("the route has RouteId 1 and an rti- id", route.RouteId === 1 && /^rti-[a-z0-9]{8}$/.test(route.RouteItemId ?? ""), route);

  const tables = await alpha.DescribeRouteTables({ RouteTableIds: ["rtb-alphapcx"] });
  const listed = tables.RouteTableSet?.[0]?.RouteSet ?? [];
  results.describeRouteTables = { TotalCount: tables.TotalCount, Routes: listed.map((r) => `${r.DestinationCidrBlock} -> ${r.GatewayId}`) };
  check("DescribeRouteTables lists the route", listed.some((r) => r.RouteItemId === route.RouteItemId && r.GatewayId === pcx), tables);

  // Day-2 changes: the cross-region bandwidth, then the route rewritten in place, switched off and on again.
  await alpha.ModifyVpcPeeringConnection({ PeeringConnectionId: pcx, Bandwidth: 20 });
  const modified = (await alpha.DescribeVpcPeeringConnections({ PeeringConnectionIds: [pcx] })).PeerConnectionSet?.[0] ?? {};
  results.modifyVpcPeeringConnection = { Bandwidth: modified.Bandwidth };
  check("ModifyVpcPeeringConnection changes the bandwidth Describe reports", modified.Bandwidth === 20, modified);

  const replaced = await alpha.ReplaceRoutes({
    RouteTableId: "rtb-alphapcx",
    Routes: [{ RouteItemId: route.RouteItemId, DestinationCidrBlock: "172.16.0.0/20", GatewayType: "PEERCONNECTION", GatewayId: pcx, RouteDescription: "narrower" }],
  });
  const before = replaced.OldRouteSet?.[0] ?? {};
  const after = replaced.NewRouteSet?.[0] ?? {};
  results.replaceRoutes = { Old: before.DestinationCidrBlock, New: after.DestinationCidrBlock, RouteItemId: after.RouteItemId };
  check("ReplaceRoutes rewrites the route and keeps its ids", before.DestinationCidrBlock === "172.16.0.0/16" && after.DestinationCidrBlock === "172.16.0.0/20"
    && after.RouteItemId === route.RouteItemId && after.RouteId === route.RouteId, replaced);

  const enabledNow = async () => (await alpha.DescribeRouteTables({ RouteTableIds: ["rtb-alphapcx"] })).RouteTableSet?.[0]?.RouteSet?.[0]?.Enabled;
  await alpha.DisableRoutes({ RouteTableId: "rtb-alphapcx", RouteIds: [route.RouteId] });
  const afterDisable = await enabledNow();
  await alpha.EnableRoutes({ RouteTableId: "rtb-alphapcx", RouteItemIds: [route.RouteItemId] });
  const afterEnable = await enabledNow();
  results.switchRoutes = { afterDisable, afterEnable };
  check("DisableRoutes turns the route off and EnableRoutes back on", afterDisable === false && afterEnable === true, results.switchRoutes);

  if (pageCap !== undefined) {
    // A second peering (alpha -> beta's Guangzhou VPC), then every peering alpha sees, page by page.
    await alpha.CreateVpcPeeringConnection({
      SourceVpcId: "vpc-alpha001",
      PeeringConnectionName: "sdk-compat-2",
      DestinationVpcId: "vpc-betagz01",
      DestinationUin: demo.betaUin,
      DestinationRegion: "ap-guangzhou",
    });
    const first = await alpha.DescribeVpcPeeringConnections({ Offset: 0, Limit: 100 });
    const seen = [...(first.PeerConnectionSet ?? [])];
    while (seen.length < first.TotalCount) {
      const next = await alpha.DescribeVpcPeeringConnections({ Offset: seen.length, Limit: 100 });
      if ((next.PeerConnectionSet ?? []).length === 0) break;
      seen.push(...next.PeerConnectionSet);
    }
    results.pageCap = { TotalCount: first.TotalCount, FirstPage: first.PeerConnectionSet?.length, Seen: seen.length };
    check("a capped page is shorter than Limit but TotalCount counts them all", first.TotalCount === 2 && first.PeerConnectionSet?.length === pageCap, first);
    check("paging by TotalCount and Offset finds every peering", new Set(seen.map((p) => p.PeeringConnectionId)).size === 2, seen);
  }

  // With a port in the endpoint the SDK signs the hostname without the port but sends Host with it.
  const withPort = new VpcClient({
    credential: demo.alpha,
    region: "ap-guangzhou",
    profile: { httpProfile: { protocol: "http://", agent, reqTimeout: 30, endpoint: `vpc.tencentcloudapi.com:${emulatorPort}` } },
  });
  const viaPort = await withPort.DescribeVpcs({});
  results.hostWithPort = { TotalCount: viaPort.TotalCount };
  check("a Host sent with a port but signed without it is accepted", viaPort.TotalCount === 1, viaPort);

  try {
    await alpha.DescribeVpcs({ VpcIds: ["vpc-zzzzzzzz"] });
    check("an unknown VPC raises ResourceNotFound", false, "no error was raised");
  } catch (e) {
    results.error = { code: e.code, requestId: e.requestId, message: e.message };
    check("an unknown VPC raises ResourceNotFound", e.code === "ResourceNotFound", { code: e.code, message: e.message });
    check("the SDK error carries the RequestId", uuid.test(e.requestId ?? ""), e.requestId);
  }
} catch (e) {
  failures.push({ check: "unexpected exception", detail: { code: e.code, message: e.message, requestId: e.requestId } });
}

console.log(JSON.stringify({ ok: failures.length === 0, sdk: "tencentcloud-sdk-nodejs", results, failures }, null, 2));
process.exit(failures.length === 0 ? 0 : 1);
