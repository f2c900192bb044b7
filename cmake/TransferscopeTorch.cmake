# The libtorch layer's build, shared by the project (CMakeLists.txt, core/CMakeLists.txt) and the standalone CUDA
# check (bench/cuda_check), which builds that layer alone against another libtorch (a GPU machine's PyTorch).

# libtorch 2.12 and later need C++20 in every translation unit that includes ATen (what a CUDA download is today).
# Call after find_package(Torch) and before any target is defined.
macro(transferscope_cxx_standard_for_torch)
  if(Torch_VERSION VERSION_GREATER_EQUAL 2.12 AND (NOT CMAKE_CXX_STANDARD OR CMAKE_CXX_STANDARD LESS 20))
    set(CMAKE_CXX_STANDARD 20)
  elseif(NOT CMAKE_CXX_STANDARD)
    set(CMAKE_CXX_STANDARD 17)
  endif()
  set(CMAKE_CXX_STANDARD_REQUIRED ON)
endmacro()

# transferscope_torch from CORE_DIR/{model,train,eval}: libtorch, nlohmann-json and the standard library only.
function(transferscope_add_torch_library core_dir)
  set(sources)
  foreach(area model train eval)
    file(GLOB area_files CONFIGURE_DEPENDS "${core_dir}/${area}/*.cpp" "${core_dir}/${area}/*.h")
    list(APPEND sources ${area_files})
  endforeach()
  add_library(transferscope_torch STATIC ${sources})
  set_target_properties(transferscope_torch PROPERTIES AUTOMOC OFF)
  target_include_directories(transferscope_torch PUBLIC "${core_dir}")
  target_link_libraries(transferscope_torch PUBLIC ${TORCH_LIBRARIES} nlohmann_json::nlohmann_json)
  transferscope_warnings(transferscope_torch)
endfunction()
