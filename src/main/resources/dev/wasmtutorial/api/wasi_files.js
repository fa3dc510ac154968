// The WASI functions wasi_files.c imports: emscripten 3.1.6's JavaScript library does not list them,
// so without these names its link step reports them undefined. A standalone module imports them
// from wasi_snapshot_preview1 (the runtime implements them); no JavaScript is emitted.
mergeInto(LibraryManager.library, {
  fd_prestat_get: function () {},
  fd_prestat_dir_name: function () {},
  path_open: function () {},
  path_filestat_get: function () {},
  fd_filestat_get: function () {},
  path_unlink_file: function () {},
  path_remove_directory: function () {},
  path_create_directory: function () {},
  path_rename: function () {},
  fd_readdir: function () {},
});
