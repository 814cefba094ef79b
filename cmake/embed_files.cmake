# cmake -DOUT=file.cpp -DNAMESPACE=ns -DINPUTS="a.vert|b.frag" -P embed_files.cmake
# Writes a C++ source defining `const char* const k<Name>` for each input file (name from the
# file name: polygon.vert -> kPolygonVert), so shaders ship inside the binary but are edited as
# files in shaders/.
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(body "// Generated from shaders/ by cmake/embed_files.cmake. Do not edit.\n")
string(APPEND body "namespace ${NAMESPACE} {\n")
foreach(input IN LISTS INPUTS)
  get_filename_component(name "${input}" NAME)
  string(REPLACE "." "_" name "${name}")
  string(REPLACE "_" ";" parts "${name}")
  set(id "k")
  foreach(part IN LISTS parts)
    string(SUBSTRING "${part}" 0 1 first)
    string(TOUPPER "${first}" first)
    string(SUBSTRING "${part}" 1 -1 rest)
    string(APPEND id "${first}${rest}")
  endforeach()
  file(READ "${input}" text)
  string(APPEND body "extern const char* const ${id};\nconst char* const ${id} = R\"glsl(${text})glsl\";\n")
endforeach()
string(APPEND body "}  // namespace ${NAMESPACE}\n")
file(WRITE "${OUT}.tmp" "${body}")
file(RENAME "${OUT}.tmp" "${OUT}")
