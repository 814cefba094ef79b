atlas_add_bench(ui_bench ${CMAKE_CURRENT_LIST_DIR}/ui_bench.cpp)
target_link_libraries(ui_bench PRIVATE atlas_app)
