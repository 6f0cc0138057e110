// The C side of the fuzz targets: libFuzzer's driver, called from a Swift entry point.
//
// SwiftPM 6 renames an executable target's `main`, so libFuzzer's own `main` (which calls
// `LLVMFuzzerTestOneInput`) cannot be used; instead the target links libFuzzer without its
// `main` and its Swift `main.swift` calls `psyreg_fuzz_run`, which runs the driver with the
// Swift test-one-input function as the callback.
#ifndef PSYREG_FUZZ_DRIVER_H
#define PSYREG_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs one input; returns 0 (libFuzzer's contract; -1 keeps the input out of the corpus).
typedef int (*psyreg_fuzz_callback)(const uint8_t *data, size_t size);

/// libFuzzer's driver (`libclang_rt.fuzzer_no_main`): parses libFuzzer's flags from argv,
/// then fuzzes, runs the given inputs, or merges, as `main` would.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer's driver on the process's arguments with `callback`; returns its status.
int psyreg_fuzz_run(int argc, char **argv, psyreg_fuzz_callback callback);

#endif
