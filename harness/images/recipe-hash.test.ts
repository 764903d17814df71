/** Image keys change exactly when something that changes the image changes. */
import { describe, expect, it } from "vitest";
import { RECIPES } from "../../vm-images/index.js";
import { imageKey } from "./container-image.js";
import { contentHash } from "./recipe-hash.js";

describe("image keys", () => {
  it("are stable for the same recipe and differ between inits", () => {
    expect(imageKey(RECIPES.runit)).toBe(imageKey(RECIPES.runit));
    const keys = new Set(Object.values(RECIPES).map(imageKey));
    expect(keys.size).toBe(Object.keys(RECIPES).length);
  });

  it("change when the stop signal or the command changes", () => {
    const base = RECIPES.s6;
    expect(imageKey({ ...base, stopSignal: "SIGINT" })).not.toBe(imageKey(base));
    expect(imageKey({ ...base, command: ["/bin/true"] })).not.toBe(imageKey(base));
  });

  it("do not confuse part boundaries", () => {
    expect(contentHash(["ab", "c"])).not.toBe(contentHash(["a", "bc"]));
  });
});
