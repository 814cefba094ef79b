# Text engine: uncached paragraph layout throughput and the CPU cost of a cached redraw.
atlas_add_bench(text_bench ${CMAKE_CURRENT_LIST_DIR}/text_bench.cpp
                ${PROJECT_SOURCE_DIR}/src/ui/arabic_text.cpp)
target_include_directories(text_bench PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(text_bench PRIVATE atlas_text imgui glad)
