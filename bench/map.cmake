atlas_add_bench(map_bench ${CMAKE_CURRENT_LIST_DIR}/map_bench.cpp)
target_link_libraries(map_bench PRIVATE atlas_ui atlas_map)
