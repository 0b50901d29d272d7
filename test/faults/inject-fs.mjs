// Preloaded into the bot process by the fault suite (NODE_OPTIONS=--import) when the
// machine does not allow a small tmpfs or a read-only remount: makes writes under
// SINERGI_FAULT_DIR fail with the errno named in the file SINERGI_FAULT_FILE
// ("ENOSPC", "EROFS"; empty: no fault). Reads are never touched.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";

const dir = resolve(process.env.SINERGI_FAULT_DIR ?? "/nonexistent");
const control = process.env.SINERGI_FAULT_FILE ?? "";
const ours = new Set();

function fault() {
  try {
    return fs.readFileSync(control, "utf8").trim();
  } catch {
    return "";
  }
}

function under(path) {
  if (typeof path !== "string" && !(path instanceof URL) && !Buffer.isBuffer(path)) return false;
  const p = resolve(String(path instanceof URL ? path.pathname : path));
  return p === dir || p.startsWith(`${dir}/`);
}

function fail(syscall, path) {
  const code = fault();
  if (!code) return;
  const err = new Error(`${code}: injected fault, ${syscall} '${path}'`);
  Object.assign(err, { code, errno: code === "ENOSPC" ? -28 : -30, syscall, path: String(path) });
  throw err;
}

const writing = (flags) => typeof flags === "string" ? /[wa+]/.test(flags) : typeof flags === "number" && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;

function wrapPath(obj, name, { flagsAt } = {}) {
  const original = obj[name];
  obj[name] = function (path, ...rest) {
    if (under(path) && (flagsAt === undefined || writing(rest[flagsAt - 1]))) fail(name, path);
    return original.call(this, path, ...rest);
  };
}

function wrapPathAsync(obj, name, { flagsAt } = {}) {
  const original = obj[name];
  obj[name] = async function (path, ...rest) {
    if (under(path) && (flagsAt === undefined || writing(rest[flagsAt - 1]))) fail(name, path);
    return original.call(this, path, ...rest);
  };
}

for (const name of ["writeFileSync", "appendFileSync", "mkdirSync", "copyFileSync", "rmSync", "unlinkSync"]) wrapPath(fs, name);
// rename: its target decides
const renameSync = fs.renameSync;
fs.renameSync = function (from, to) {
  if (under(to)) fail("rename", to);
  return renameSync.call(this, from, to);
};
const openSync = fs.openSync;
fs.openSync = function (path, flags, ...rest) {
  if (under(path) && writing(flags ?? "r")) fail("open", path);
  const fd = openSync.call(this, path, flags, ...rest);
  if (under(path) && writing(flags ?? "r")) ours.add(fd);
  return fd;
};
const closeSync = fs.closeSync;
fs.closeSync = function (fd) {
  ours.delete(fd);
  return closeSync.call(this, fd);
};
const writeSync = fs.writeSync;
fs.writeSync = function (fd, ...rest) {
  if (ours.has(fd)) fail("write", `fd ${fd}`);
  return writeSync.call(this, fd, ...rest);
};
const p = fs.promises;
for (const name of ["writeFile", "appendFile", "mkdir", "copyFile", "rm", "unlink"]) wrapPathAsync(p, name);
const rename = p.rename;
p.rename = async function (from, to) {
  if (under(to)) fail("rename", to);
  return rename.call(this, from, to);
};
wrapPathAsync(p, "open", { flagsAt: 1 });
syncBuiltinESMExports();
