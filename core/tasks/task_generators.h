#pragma once
// One generator per task file; the registry (task_registry.cpp) wires them to their specs.

namespace ts::tasks {
struct TaskContext;

void generateVisualSimilarity(TaskContext &ctx);
void generateArtStyle(TaskContext &ctx);
void generateVisualCorrespondence(TaskContext &ctx);
void generateRelativeDepth(TaskContext &ctx);
void generateRelativeReflectance(TaskContext &ctx);
void generateSpatialRelation(TaskContext &ctx);
void generateJigsaw(TaskContext &ctx);
void generateCounting(TaskContext &ctx);
void generateFunctionalCorrespondence(TaskContext &ctx);
void generateSemanticCorrespondence(TaskContext &ctx);
void generateMultiviewReasoning(TaskContext &ctx);
void generateObjectLocalization(TaskContext &ctx);
void generateForensicDetection(TaskContext &ctx);

void generatePrimitiveColour(TaskContext &ctx);
void generatePrimitiveShape(TaskContext &ctx);
void generatePrimitiveLocate(TaskContext &ctx);
void generatePrimitiveTexture(TaskContext &ctx);
void generatePrimitiveCount(TaskContext &ctx);
void generatePrimitiveSide(TaskContext &ctx);

} // namespace ts::tasks
