/* For `make test-windows` only, never shipped: Rust's standard library gets random bytes from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10/11 have and Debian's Wine 8 lacks.
 * Placed beside yardstick.exe in the test folder, this DLL answers that one call from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine does have. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
