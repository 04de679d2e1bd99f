/* For `make test-windows` only: holds a file open the way Excel holds a workbook (others may
 * read it, nobody may write, rename over or delete it) for a number of seconds, so the test can
 * check what Yardstick says when an export is open in another program.
 * Usage: hold-open.exe FILE SECONDS */
#include <windows.h>

int wmain(int argc, wchar_t **argv) {
    if (argc != 3) return 2;
    HANDLE file = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) return 1;
    Sleep((DWORD)_wtoi(argv[2]) * 1000);
    CloseHandle(file);
    return 0;
}
