/*
 * bcryptprimitives.dll for Wine 8.0, which has none.
 *
 * Since Go 1.22 every Windows program built with Go takes its random bytes
 * from ProcessPrng in bcryptprimitives.dll, loaded from system32 when the
 * runtime starts; without the DLL the program dies before main with
 * "bcryptprimitives.dll not found". Windows 10 and later have it; Debian's
 * Wine 8.0 does not (later Wine releases do). scripts/wine.sh builds this
 * file with mingw-w64 and puts the DLL into the test prefix's system32 only:
 * it is never shipped to users.
 *
 * ProcessPrng asks RtlGenRandom (exported by advapi32 as SystemFunction036),
 * which Wine implements on the host's random source. RtlGenRandom takes a
 * ULONG length, so larger requests go in pieces. Like the real ProcessPrng,
 * it always reports success: the Go runtime treats failure as fatal.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		SystemFunction036(data, n);
		data += n;
		size -= n;
	}
	return TRUE;
}

/* No C runtime is linked (-nostdlib), so the DLL names its own entry point. */
BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
