// The graph's SVG and PNG buttons; they sit inside the graph's ReactFlowProvider to read its model.
import { useReactFlow } from '@xyflow/react';
import { exportGraph } from './exportGraph.ts';

export function ExportButtons({ fileName }: { fileName: () => string }) {
  const flow = useReactFlow();
  return (
    <>
      <button onClick={() => void exportGraph('svg', fileName(), flow)} title="Download the graph at the cursor as SVG">
        SVG
      </button>
      <button onClick={() => void exportGraph('png', fileName(), flow)} title="Download the graph at the cursor as PNG">
        PNG
      </button>
    </>
  );
}
