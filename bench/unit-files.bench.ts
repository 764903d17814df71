/**
 * Translating 1,000 generated unit files (parse, drop-ins, lowering, validation, `.ts` emission) in one
 * process; prints files per second, and the ratio to the time it takes just to read the same bytes as
 * JSON (a floor that any translator pays), measured in the same process.
 */
import { SourceRegistry } from "../transpiler/diagnostics/index.js";
import { emitSpecSource } from "../transpiler/emit-ts/emit-spec.js";
import { readUnitFiles, type UnitFileInput } from "../transpiler/frontends/unit-file/read-units.js";
import type { Bench } from "./bench.js";

export function generateUnit(i: number): UnitFileInput {
  const text = [
    "[Unit]",
    `Description=Generated service ${i} for %n`,
    `After=network.target svc${i % 17}.service`,
    `Wants=svc${(i + 1) % 17}.service`,
    "",
    "[Service]",
    i % 3 === 0 ? "Type=oneshot" : "Type=simple",
    `ExecStartPre=-/usr/bin/prepare --id ${i} "--name=svc ${i}"`,
    `ExecStart=/usr/bin/daemon-${i} --port ${8000 + i} \\`,
    `    --data /var/lib/svc${i} --flag "quoted value with \\"escapes\\""`,
    `Environment="A=${i}" "B=two words" C=%i`,
    `User=svc${i}`,
    "Restart=on-failure",
    "RestartSec=5s",
    `StateDirectory=svc${i}`,
    "NoNewPrivileges=yes",
    "ProtectSystem=strict",
    "LimitNOFILE=65536",
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
  return { path: `gen/svc${i}.service`, name: `svc${i}.service`, text };
}

export const unitFilesBench: Bench = {
  name: "unit files: translate 1,000 generated units",
  async run() {
    const units = Array.from({ length: 1000 }, (_, i) => generateUnit(i));
    const bytes = units.reduce((n, u) => n + u.text.length, 0);
    const once = () => {
      const r = readUnitFiles({ units, dropins: [] }, new SourceRegistry());
      for (const s of r.specs) emitSpecSource(s);
      return r.specs.length;
    };
    once();
    const t0 = performance.now();
    const rounds = 3;
    let n = 0;
    for (let i = 0; i < rounds; i++) n += once();
    const ms = (performance.now() - t0) / rounds;
    const json = JSON.stringify(units);
    const r0 = performance.now();
    for (let i = 0; i < 20; i++) JSON.parse(json);
    const floorMs = (performance.now() - r0) / 20;
    return {
      name: this.name,
      lines: [
        `${n / rounds} specs from ${(bytes / 1024).toFixed(0)} KiB of unit files per round, ${rounds} rounds`,
        `${ms.toFixed(1)} ms per round → ${((1000 / ms) * 1000).toFixed(0)} files/s (parse + lower + validate + emit .ts)`,
        `ratio to JSON.parse of the same bytes in this process: ${(ms / floorMs).toFixed(1)}×`,
      ],
    };
  },
};
