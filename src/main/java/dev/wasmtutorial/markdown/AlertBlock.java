package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A GitHub alert ({@code > [!NOTE]} ...): a block quote turned into a callout. */
public final class AlertBlock extends Block {

    public enum Kind {
        NOTE("Note"), TIP("Tip"), IMPORTANT("Important"), WARNING("Warning"), CAUTION("Caution");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Kind kind;

    AlertBlock(BasedSequence chars, Kind kind) {
        super(chars);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
