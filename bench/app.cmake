atlas_add_bench(ui_bench ${CMAKE_CURRENT_LIST_DIR}/ui_bench.cpp)
target_link_libraries(ui_bench PRIVATE atlas_app)
atlas_add_bench(session_bench ${CMAKE_CURRENT_LIST_DIR}/session_bench.cpp)
target_link_libraries(session_bench PRIVATE atlas_app)
target_compile_definitions(session_bench PRIVATE ATLAS_APP_PATH="$<TARGET_FILE:aleppo-atlas>")
# peers_bench (core.cmake) runs the aleppo-atlas executable: build it first.
if(TARGET peers_bench)
  add_dependencies(peers_bench aleppo-atlas)
endif()
