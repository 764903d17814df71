/** `psl schema`: print the ServiceSpec JSON Schema (generated from the same source as the types). */
import { serviceSpecJsonSchema } from "../../spec/json-schema.js";
import { type Command, EXIT } from "../command.js";

export const schemaCommand: Command = {
  usage: "psl schema",
  description:
    "Prints the JSON Schema (draft 2020-12 compatible) that every spec psl reads or writes satisfies.",
  options: {},
  run(_args, { io }) {
    io.stdout(`${JSON.stringify(serviceSpecJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  },
};
