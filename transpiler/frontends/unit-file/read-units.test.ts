import { describe, expect, it } from "vitest";
import { SourceRegistry } from "../../diagnostics/index.js";
import { type DropinInput, dropinDirsFor, readUnitFiles, type UnitFileInput } from "./read-units.js";

const unit = (name: string, text: string): UnitFileInput => ({ path: `u/${name}`, name, text });
const dropin = (dir: string, name: string, text: string): DropinInput => ({
  dir,
  path: `u/${dir}/${name}`,
  name,
  text,
});
const read = (units: UnitFileInput[], dropins: DropinInput[] = [], instances: string[] = []) =>
  readUnitFiles({ units, dropins, instances }, new SourceRegistry());

describe("unit-file frontend", () => {
  it("applies drop-ins in file-name order across the directories systemd reads", () => {
    expect(dropinDirsFor("a-b-c.service")).toEqual([
      "service.d",
      "a-.service.d",
      "a-b-.service.d",
      "a-b-c.service.d",
    ]);
    expect(dropinDirsFor("getty@tty1.service")).toEqual([
      "service.d",
      "getty@.service.d",
      "getty@tty1.service.d",
    ]);
    const r = read(
      [unit("a-b.service", "[Service]\nExecStart=/bin/a\nEnvironment=X=0\n")],
      [
        dropin("a-b.service.d", "20-late.conf", "[Service]\nEnvironment=X=2\n"),
        dropin("a-.service.d", "10-early.conf", "[Service]\nEnvironment=X=1 Y=1\n"),
        dropin("service.d", "05-all.conf", "[Service]\nNice=3\n"),
        dropin("other.service.d", "00-no.conf", "[Service]\nNice=9\n"),
        dropin("a-b.service.d", "readme.txt", "[Service]\nNice=9\n"),
      ],
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.specs[0]?.process?.environment).toEqual({ X: "2", Y: "1" });
    expect(r.specs[0]?.process?.nice).toBe(3);
    expect(r.specs[0]?.provenance?.["/process/environment/X"]).toMatchObject({
      file: "u/a-b.service.d/20-late.conf",
      line: 2,
    });
  });

  it("resets a list on an empty assignment, and overrides scalars", () => {
    const r = read(
      [unit("s.service", "[Unit]\nAfter=a.target b.target\n[Service]\nExecStart=/bin/s\nRestart=always\n")],
      [
        dropin(
          "s.service.d",
          "x.conf",
          "[Unit]\nAfter=\nAfter=c.target\n[Service]\nExecStart=\nExecStart=/bin/t\nRestart=no\n",
        ),
      ],
    );
    const s = r.specs[0];
    expect(s?.dependencies?.after).toEqual(["c.target"]);
    expect(s?.process?.start).toEqual([{ argv: ["/bin/t"] }]);
    expect(s?.restart?.policy).toBe("no");
  });

  it("instantiates templates on request and warns about unresolved instance specifiers otherwise", () => {
    const tpl = unit("getty@.service", "[Service]\nExecStart=/sbin/agetty %I 38400\nUtmpIdentifier=%I\n");
    const plain = read([tpl]);
    expect(plain.specs[0]?.name).toBe("getty@");
    expect(plain.diagnostics.map((d) => d.code)).toContain("PSL4013");
    const inst = read([tpl], [], ["getty@tty1", "getty@ttyS0"]);
    expect(inst.specs.map((s) => s.name)).toEqual(["getty@tty1", "getty@ttyS0"]);
    expect(inst.specs[1]?.process?.start?.[0]?.argv).toEqual(["/sbin/agetty", "ttyS0", "38400"]);
    expect(inst.specs[1]?.systemd).toEqual({ Service: { UtmpIdentifier: ["%I"] } });
    expect(inst.diagnostics).toEqual([]);
  });

  it("attaches sockets and timers to the service they activate", () => {
    const r = read([
      unit(
        "echo.socket",
        "[Socket]\nListenStream=127.0.0.1:7\nListenDatagram=/run/echo.sock\nAccept=yes\nSocketMode=0660\n",
      ),
      unit("echo@.service", "[Service]\nExecStart=/bin/cat\nStandardInput=socket\n"),
      unit("job.timer", "[Timer]\nOnCalendar=daily\nOnBootSec=5min\nUnit=work.service\n"),
      unit("work.service", "[Service]\nType=oneshot\nExecStart=/bin/work\n"),
      unit("orphan.timer", "[Timer]\nOnCalendar=hourly\n"),
    ]);
    const echo = r.specs.find((s) => s.name === "echo@");
    expect(echo?.sockets).toEqual([
      {
        name: "echo.socket",
        listen: [
          { kind: "stream", address: "127.0.0.1:7" },
          { kind: "datagram", address: "/run/echo.sock" },
        ],
        accept: true,
        socketMode: "0660",
      },
    ]);
    const work = r.specs.find((s) => s.name === "work");
    expect(work?.timers?.[0]).toMatchObject({ name: "job.timer", onCalendar: ["daily"], onBootSec: [300] });
    expect(work?.provenance?.["/timers/0/onCalendar/0"]).toMatchObject({ file: "u/job.timer", line: 2 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["PSL4019"]);
  });

  it("keeps unmodelled directives raw, warns about unknown ones and reports bad values with their line", () => {
    const sources = new SourceRegistry();
    const text =
      "[Unit]\nDescription=x\n[Service]\nExecStart=/bin/x\nSystemCallLog=@obsolete\nFrobnicate=yes\nRestart=sometimes\nNice=99\nX-Custom=1\n[Foo]\nA=b\n";
    const r = readUnitFiles({ units: [unit("x.service", text)], dropins: [] }, sources);
    const s = r.specs[0];
    expect(s?.systemd).toEqual({
      Service: { SystemCallLog: ["@obsolete"], Frobnicate: ["yes"], "X-Custom": ["1"] },
      Foo: { A: ["b"] },
    });
    expect(r.diagnostics.map((d) => [d.code, d.span && sources.position(d.span)?.line])).toEqual([
      ["PSL4007", 6],
      ["PSL4008", 7],
      ["PSL4008", 8],
      ["PSL4006", 10],
    ]);
    expect(r.diagnostics[1]?.message).toMatch(/Restart=.*one of no, on-success/);
  });

  it("rejects unsafe and duplicate names", () => {
    const r = read([
      unit("-rf.service", "[Service]\nExecStart=/bin/x\n"),
      unit("ok.service", "[Service]\nExecStart=/bin/x\n"),
      { path: "v/ok.service", name: "ok.service", text: "" },
    ]);
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(["PSL4009", "PSL4010"]);
    expect(r.specs.map((s) => s.name)).toEqual(["ok"]);
  });

  it("warns when a non-oneshot service has several start commands", () => {
    const r = read([unit("m.service", "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n")]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["PSL4014", "PSL5008"]);
    expect(r.diagnostics[0]?.position).toMatchObject({ file: "u/m.service", line: 3 });
  });
});
