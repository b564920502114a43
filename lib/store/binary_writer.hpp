#pragma once
// The base image writer's one-thread path. binary::write_base (store/binary_format.hpp) splits
// its work over two threads; this runs the same steps in sequence on the calling thread, and
// the two must give the same bytes (tests/interchange/csv_fast_test.cpp).
#include <string>

#include "liaison/model/property_graph.hpp"

namespace liaison::binary {

std::string write_base_on_one_thread(const PropertyGraph& g);

}  // namespace liaison::binary
