#ifndef TAGIH_CFUZZER_H
#define TAGIH_CFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, present when linked with -sanitize=fuzzer. SwiftPM names an
/// executable's entry point itself, so tagih-fuzz starts the driver from there.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
