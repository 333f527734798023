# iotjobs_embed(OUT_SOURCE NAMESPACE ns NAME symbol FILE path)
# Writes a .cc that defines `std::string_view ns::symbol()` returning the bytes of `path`,
# regenerated whenever the file changes. Used for the API model and SQL migrations, so the
# binaries carry them and need no files at run time.
function(iotjobs_embed out_var)
  cmake_parse_arguments(ARG "" "NAMESPACE;NAME;FILE" "" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${ARG_NAME}.cc")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${ARG_FILE} -DOUT=${out} -DNS=${ARG_NAMESPACE}
            -DNAME=${ARG_NAME} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${ARG_FILE} ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    COMMENT "Embedding ${ARG_FILE}")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()

# iotjobs_embed_directory(OUT_SOURCE NAMESPACE ns NAME symbol DIR path)
# Writes a .cc whose `ns::symbol()` lists every file under `path` with its bytes (see
# EmbedDirectory.cmake), regenerated when any of them changes; a file added or removed is
# picked up at the next configure (CONFIGURE_DEPENDS).
function(iotjobs_embed_directory out_var)
  cmake_parse_arguments(ARG "" "NAMESPACE;NAME;DIR" "" ${ARGN})
  file(GLOB_RECURSE inputs CONFIGURE_DEPENDS ${ARG_DIR}/*)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${ARG_NAME}.cc")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDIR=${ARG_DIR} -DOUT=${out} -DNS=${ARG_NAMESPACE}
            -DNAME=${ARG_NAME} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedDirectory.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/EmbedDirectory.cmake
    COMMENT "Embedding ${ARG_DIR}")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
