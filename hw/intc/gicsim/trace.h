#include "trace/trace-hw_intc_gicsim.h"
