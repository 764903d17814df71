# psl's isolation output: the parts of an evaluated configuration psl translates, made printable — the same
# selection and shape as `psl export-expr` (transpiler/frontends/json/export-expr.ts): each option converted on
# its own, so one without a value is left out instead of failing the export; user entries keep only fields
# that are not secrets. Functions are removed before printing (Nix 2.8 cannot catch toJSON failing on them).
config:
let
  inherit (builtins)
    attrNames
    concatMap
    filter
    fromJSON
    isAttrs
    isFunction
    isList
    listToAttrs
    mapAttrs
    toJSON
    tryEval
    ;
  noFunctions =
    v:
    if isFunction v then
      null
    else if isAttrs v && !(v ? outPath) then
      mapAttrs (_: noFunctions) v
    else if isList v then
      map noFunctions v
    else
      v;
  # Under psl's evaluator a failing option is not dropped silently: it becomes { __pslError = message; },
  # which psl reports at the option's definition. An option that merely has no value stays left out.
  hasNoValue = m: builtins.match ".*(has no value defined|used but not defined).*" m != null;
  printable =
    v:
    let
      json = fromJSON (toJSON (noFunctions v));
      r = if builtins ? pslTryEval then builtins.pslTryEval json else tryEval json;
    in
    if r.success then
      [ r.value ]
    else if r ? message && r.message != null && !hasNoValue r.message then
      [ { __pslError = r.message; } ]
    else
      [ ];
  keep =
    names: set:
    listToAttrs (
      concatMap (
        n:
        if set ? ${n} then
          map (v: {
            name = n;
            value = v;
          }) (printable set.${n})
        else
          [ ]
      ) names
    );
  allBut = skip: set: keep (filter (n: !(builtins.elem n skip)) (attrNames set)) set;
  units = mapAttrs (
    _:
    allBut [
      "unit"
      "jobScripts"
      "text"
    ]
  );
in
{
  systemd = {
    services = units config.systemd.services;
    sockets = units config.systemd.sockets;
    timers = units config.systemd.timers;
    tmpfiles = keep [
      "rules"
      "settings"
    ] config.systemd.tmpfiles;
  };
  users = {
    users = mapAttrs (
      _:
      keep [
        "name"
        "uid"
        "group"
        "extraGroups"
        "home"
        "createHome"
        "isSystemUser"
        "isNormalUser"
        "shell"
        "description"
      ]
    ) config.users.users;
    groups = mapAttrs (
      _:
      keep [
        "name"
        "gid"
        "members"
      ]
    ) config.users.groups;
  };
  environment.etc = mapAttrs (
    _:
    keep [
      "enable"
      "target"
      "text"
      "source"
      "mode"
      "user"
      "group"
    ]
  ) config.environment.etc;
}
