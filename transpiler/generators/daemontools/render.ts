/**
 * The daemontools target: /etc/sv/<name> linked into /etc/service (svscan rescans every 5 s). daemontools
 * always restarts, tells finish nothing about the exit, and has no dependencies; so a service restarted
 * only under some conditions runs under `psl-run supervise`, which applies the policy and leaves a marker
 * that `finish` turns into `svc -d`. `log/run` runs multilog. install.sh starts services in the generated
 * order.
 */
import { policyOptions } from "../exec-line.js";
import { helperPath } from "../layout.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { startsAtBoot } from "../plan.js";
import { shStartSequence, shSteps } from "../sequence.js";
import { header } from "../service-dir.js";
import { shJoin } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const SV = "/etc/sv";
const SERVICE = "/etc/service";

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const name = plan.spec.name;
  const dir = `${SV}/${name}`;
  const link = `${SERVICE}/${name}`;
  for (const u of [...(plan.spec.dependencies?.requires ?? []), ...(plan.spec.dependencies?.wants ?? [])]) {
    if (!ctx.local(u)) ctx.notCarried(u);
  }
  const pause = plan.type === "oneshot" && plan.spec.process?.remainAfterExit === true;
  const state = `${plan.layout.run}/psl/${name}`;
  const supervised = plan.type !== "oneshot" && plan.restartPolicy !== "always";
  const run = shStartSequence(plan, { skip: "svc -d . ; exit 0", pauseAfter: pause });
  const main = supervised ? run.map((l) => (l.startsWith("exec ") ? supervise(plan, l) : l)) : run;
  const files: GeneratedFile[] = [
    {
      path: `rootfs${dir}/run`,
      content: [...header(plan, "run script"), "exec 2>&1", ...main, ""].join("\n"),
      mode: 0o755,
    },
  ];
  const stopPost = plan.spec.lifecycle?.stopPost ?? [];
  const oneshotDone = plan.type === "oneshot" && !pause;
  if (supervised || stopPost.length > 0 || oneshotDone) {
    files.push({
      path: `rootfs${dir}/finish`,
      content: [
        ...header(plan, "finish script"),
        ...shSteps(plan, stopPost, "stopPost", { skip: ":" }).map((l) =>
          l.replace(/ \|\| exit \$\?$/, " || :"),
        ),
        ...(supervised ? [`if [ -e ${shJoin([`${state}/final`])} ]; then svc -d .; fi`] : []),
        ...(oneshotDone ? ["svc -d ."] : []),
        "",
      ].join("\n"),
      mode: 0o755,
    });
  }
  const logDir = `${plan.layout.log}/${name}`;
  files.push({
    path: `rootfs${dir}/log/run`,
    content: [
      ...header(plan, "log/run"),
      `mkdir -p ${shJoin([logDir])}`,
      `exec multilog t ${shJoin([logDir])}`,
      "",
    ].join("\n"),
    mode: 0o755,
  });
  if (!startsAtBoot(plan)) files.push({ path: `rootfs${dir}/down`, content: "", mode: 0o644 });
  return {
    files,
    enable: [shJoin(["ln", "-sfn", dir, link])],
    start: startsAtBoot(plan)
      ? [
          `i=0; until svok ${shJoin([link])} 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done`,
          `${shJoin(["svc", "-u", link])} || :`,
        ]
      : [],
    stop: [shJoin(["svc", "-d", link])],
    disable: [shJoin(["rm", "-f", link]), `${shJoin(["svc", "-dx", link, `${link}/log`])} 2>/dev/null || :`],
  };
}

/** `exec psl-run --name … -- argv` → `exec psl-run supervise <policy> --name … -- argv`. */
function supervise(plan: ServiceContext["plan"], line: string): string {
  const helper = shJoin([helperPath(plan.target)]);
  const policy = shJoin(policyOptions(plan));
  return line.replace(`exec ${helper} `, `exec ${helper} supervise ${policy} `);
}

export const daemontoolsGenerator = defineGenerator({ target: "daemontools", helper: true, renderService });
