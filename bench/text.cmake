# Text engine: uncached paragraph layout throughput and the CPU cost of a cached redraw.
atlas_add_bench(text_bench ${CMAKE_CURRENT_LIST_DIR}/text_bench.cpp
                ${PROJECT_SOURCE_DIR}/src/ui/arabic_text.cpp)
target_include_directories(text_bench PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(text_bench PRIVATE atlas_text imgui glad)

# Paragraph layout against Pango on the same sentences and font. Only this bench needs Pango
# (libpango1.0-dev, listed in scripts/setup).
pkg_check_modules(PANGO REQUIRED IMPORTED_TARGET pangoft2)
atlas_add_bench(layout_peers_bench ${CMAKE_CURRENT_LIST_DIR}/layout_peers_bench.cpp)
target_link_libraries(layout_peers_bench PRIVATE atlas_text atlas_core PkgConfig::PANGO
                                                 PkgConfig::FONTCONFIG)
