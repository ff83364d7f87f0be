package org.expressionmirror.display.swt.internal;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for the name to save the personal model under. Not blocking: the frames keep flowing while
 * it is open; the dialog's shell disposes its widgets when it closes.
 */
final class SaveDialog {
  private SaveDialog() {}

  static void open(Shell parent, String suggestion, Consumer<String> onSave) {
    Shell dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
    dialog.setText("Save the personal model");
    dialog.setLayout(new GridLayout(2, false));
    Label label = new Label(dialog, SWT.WRAP);
    label.setText("Name (letters, digits, '.', '_', '-'): saved into your models folder as NAME.onnx,\n"
        + "NAME.golden.json and NAME.json, trained on one person: you.");
    label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    Text name = new Text(dialog, SWT.BORDER | SWT.SINGLE);
    name.setText(suggestion);
    name.selectAll();
    name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    Button save = new Button(dialog, SWT.PUSH);
    save.setText("Save");
    Button cancel = new Button(dialog, SWT.PUSH);
    cancel.setText("Cancel");
    save.addListener(SWT.Selection, e -> {
      String chosen = name.getText().strip();
      dialog.close();
      onSave.accept(chosen);
    });
    cancel.addListener(SWT.Selection, e -> dialog.close());
    dialog.setDefaultButton(save);
    dialog.pack();
    dialog.open();
  }
}
