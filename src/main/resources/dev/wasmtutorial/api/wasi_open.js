// The WASI functions wasi_open.c imports: emscripten 3.1.6's JavaScript library does not list them,
// so without these names its link step reports them undefined. A standalone module imports them
// from wasi_snapshot_preview1 (the runtime implements them); no JavaScript is emitted.
mergeInto(LibraryManager.library, {
  fd_prestat_get: function () {},
  fd_prestat_dir_name: function () {},
  path_open: function () {},
});
