#ifndef FEEDESK_CQRENCODE_SHIM_H
#define FEEDESK_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
