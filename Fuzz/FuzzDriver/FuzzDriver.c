#include "FuzzDriver.h"

int psyreg_fuzz_run(int argc, char **argv, psyreg_fuzz_callback callback) {
  return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
