#ifndef FEEDESK_CPNG_SHIM_H
#define FEEDESK_CPNG_SHIM_H
#include <png.h>
#endif
